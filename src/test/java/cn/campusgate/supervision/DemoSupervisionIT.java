package cn.campusgate.supervision;

import cn.campusgate.CampusGateTest;
import cn.campusgate.SignedIn;
import cn.campusgate.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo district starts with supervision work for the supervisor, the fire brigade and the public. */
@CampusGateTest
@TestPropertySource(properties = "campusgate.demo.progress=true")
class DemoSupervisionIT {

    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired SignedIn signedIn;
    @Autowired Cases cases;
    @Autowired Exposures exposures;

    @Test
    void demoCasesStandAtEveryStageAndOneExposureIsPublished() {
        assertThat(jdbc.sql("SELECT status FROM supervision_case ORDER BY id").query(String.class).list())
                .containsExactly("RECEIVED", "RECEIVED", "VERIFICATION", "HANDLING", "CLOSED",
                        // the demo sentinel's alert that the commission turned into a case (monitoring module)
                        "RECEIVED");
        assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE channel = 'MONITORING' AND description LIKE '监测预警（第%'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT max(weight) FROM supervision_case").query(Integer.class).single()).isEqualTo(2);
        assertThat(exposures.published()).singleElement().satisfies(e -> assertThat(e.bodyName()).isEqualTo("二郎镇"));
        assertThat(signedIn.call("dept.fire", () -> cases.addressedToMe())).singleElement()
                .satisfies(a -> assertThat(a.sanction().answered()).isFalse());
        assertThat(signedIn.call("supervisor", () -> cases.openAndOverdue())[0]).isEqualTo(3); // with the sentinel's
        assertThat(audit.verify().valid()).isTrue();
    }
}
