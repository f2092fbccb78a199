package cn.campusgate.organization;

import java.time.Instant;

import cn.campusgate.core.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules each kind of organisation owns, without Spring. */
class OrganizationTests {

    static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
    static long ids = 1;

    static Organization saved(Organization organization) {
        return new Organization(ids++, 0, organization.code(), organization.name(), organization.shortName(),
                organization.kind(), organization.jurisdictionLevel(), organization.townKind(), organization.parentId(),
                organization.schoolStage(), organization.monitoringSchool(), organization.address(),
                organization.contactPhone(), organization.active(), NOW, NOW);
    }

    static Organization city() {
        return saved(Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, "500000", "重庆市", null,
                JurisdictionLevel.CITY, null, null, null, null, null, null), null, "J1", NOW));
    }

    static Organization district() {
        Organization city = city();
        return saved(Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, "500117", "合川区", null,
                JurisdictionLevel.DISTRICT, null, city.id(), null, null, null, null), city, "J2", NOW));
    }

    static Organization town() {
        Organization district = district();
        return saved(Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, null, "二郎镇", null,
                JurisdictionLevel.TOWN, TownKind.TOWN, district.id(), null, null, null, null), district, "J3", NOW));
    }

    static OrganizationCommand school(String name, String code, SchoolStage stage, Long townId) {
        return new OrganizationCommand(OrganizationKind.SCHOOL, code, name, null, null, null, townId, stage, true,
                " 二郎镇 ", null);
    }

    @Test
    void aSchoolSitsInATownWithAStageAndATenDigitCode() {
        Organization town = town();
        Organization school = Organization.create(school("  合川区二郎镇中心小学 ", "2150117001", SchoolStage.PRIMARY,
                town.id()), town, "unused", NOW);
        assertThat(school.name()).isEqualTo("合川区二郎镇中心小学");
        assertThat(school.code()).isEqualTo("2150117001");
        assertThat(school.parentId()).isEqualTo(town.id());
        assertThat(school.monitoringSchool()).isTrue();
        assertThat(school.address()).isEqualTo("二郎镇");
        assertThat(school.active()).isTrue();
    }

    @Test
    void aSchoolNeedsAStageACodeAndATown() {
        Organization town = town();
        Organization district = district();
        assertRefused(() -> Organization.create(school("合川区某小学", "2150117001", null, town.id()), town, "x", NOW),
                "organization.schoolStage.required");
        assertRefused(() -> Organization.create(school("合川区某小学", "12345", SchoolStage.PRIMARY, town.id()), town, "x", NOW),
                "organization.schoolCode.invalid");
        assertRefused(() -> Organization.create(school("合川区某小学", "2150117001", SchoolStage.PRIMARY, null), null, "x", NOW),
                "organization.parent.required.TOWN");
        assertRefused(() -> Organization.create(school("合川区某小学", "2150117001", SchoolStage.PRIMARY, district.id()),
                district, "x", NOW), "organization.parent.required.TOWN");
        assertRefused(() -> Organization.create(school(" ", "2150117001", SchoolStage.PRIMARY, town.id()), town, "x", NOW),
                "organization.name.required");
    }

    @Test
    void jurisdictionsNestCityDistrictTown() {
        Organization city = city();
        assertRefused(() -> Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, null, "某镇", null,
                JurisdictionLevel.TOWN, TownKind.TOWN, city.id(), null, null, null, null), city, "x", NOW),
                "organization.parent.required.DISTRICT");
        assertRefused(() -> Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, null, "某市", null,
                JurisdictionLevel.CITY, null, city.id(), null, null, null, null), city, "x", NOW),
                "organization.parent.mustBeEmpty");
        assertRefused(() -> Organization.create(new OrganizationCommand(OrganizationKind.JURISDICTION, null, "某镇", null,
                JurisdictionLevel.TOWN, null, district().id(), null, null, null, null), district(), "x", NOW),
                "organization.townKind.required");
    }

    @Test
    void departmentsSitInADistrictAndGetAGeneratedCode() {
        Organization district = district();
        Organization department = Organization.create(new OrganizationCommand(OrganizationKind.DEPARTMENT, "", "区消防救援支队",
                "消防", null, null, district.id(), SchoolStage.PRIMARY, true, null, null), district, "D1001", NOW);
        assertThat(department.code()).isEqualTo("D1001");
        assertThat(department.schoolStage()).isNull();
        assertThat(department.monitoringSchool()).isFalse();
        assertRefused(() -> Organization.create(new OrganizationCommand(OrganizationKind.DEPARTMENT, null, "区公安局", null,
                null, null, town().id(), null, null, null, null), town(), "D1002", NOW), "organization.parent.required.DISTRICT");
    }

    /** The whole lifecycle: ACTIVE ⇄ INACTIVE; every other move is refused, and inactive ones cannot change. */
    @Test
    void lifecycleTransitionTable() {
        Organization town = town();
        Organization school = saved(Organization.create(school("合川区状态测试小学", "2150117002", SchoolStage.PRIMARY,
                town.id()), town, "x", NOW));
        assertRefused(() -> school.reactivate(NOW), "organization.alreadyActive");
        school.deactivate(NOW);
        assertThat(school.active()).isFalse();
        assertRefused(() -> school.deactivate(NOW), "organization.alreadyInactive");
        assertRefused(() -> school.update(school.toCommand(), town, NOW), "organization.inactive");
        school.reactivate(NOW);
        assertThat(school.active()).isTrue();
        assertRefused(() -> school.update(new OrganizationCommand(OrganizationKind.DEPARTMENT, null, "改类", null, null,
                null, null, null, null, null, null), town, NOW), "organization.kind.immutable");
    }

    @Test
    void nothingCanBePlacedUnderAnInactiveParent() {
        Organization town = town();
        town.deactivate(NOW);
        assertRefused(() -> Organization.create(school("合川区某小学", "2150117003", SchoolStage.PRIMARY, town.id()), town,
                "x", NOW), "organization.parent.inactive");
    }

    static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleViolation.class)
                .extracting(e -> ((BusinessRuleViolation) e).messageKey()).isEqualTo(messageKey);
    }
}
