package cn.campusgate.campaign;

import java.time.LocalDate;
import java.util.List;

/** What the summary report (工作总结) says: the figures, the milestones, typical cases, open problems and the ledger. */
public record SummaryReport(Campaign campaign, String jurisdictionName, String issuer, LocalDate asOf,
                            Campaigns.Figures figures, List<Milestone> milestones,
                            List<Campaigns.ProblemView> typicalCases, List<Campaigns.ProblemView> openProblems,
                            List<Campaigns.ProblemView> ledger) {
    public SummaryReport {
        milestones = List.copyOf(milestones);
        typicalCases = List.copyOf(typicalCases);
        openProblems = List.copyOf(openProblems);
        ledger = List.copyOf(ledger);
    }
}
