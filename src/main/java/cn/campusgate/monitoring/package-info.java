/**
 * Monitoring (监测哨点, R-6): schools record, in under a minute, each social affair that really entered — the
 * planned activity or "not on any list", the department, date, class hours, how many teachers (never names) and
 * any formalism demanded — and inspections, requests to send teachers off campus and secondments. Every record
 * is screened with the screening rules and checked against the whitelist; alerts go to the education commission
 * and move through new → acknowledged → dismissed with a reason or turned into a supervision case. Monitoring
 * schools (监测点学校) confirm one consolidated monthly return during term, prefilled from the plans.
 *
 * <p>Public API: {@link cn.campusgate.monitoring.SentinelRecords}, {@link cn.campusgate.monitoring.Alerts},
 * {@link cn.campusgate.monitoring.MonthlyReturns}; events in {@link cn.campusgate.monitoring.MonitoringEvents}
 * (a supervision module reacts to {@code AlertTurnedIntoCase}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring 监测预警",
        allowedDependencies = {"core", "organization", "delivery", "whitelist", "approval", "screening", "notification"})
@org.jspecify.annotations.NullMarked
package cn.campusgate.monitoring;
