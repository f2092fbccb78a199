package cn.campusgate.organization;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a person enters to create or change an organisation (form and API body alike). Which fields are
 * required depends on the kind; {@link Organization} checks that, so the rules live in one place.
 *
 * @param code 学校标识码 (10 digits) for schools; for others optional, generated when blank
 */
public record OrganizationCommand(
        @NotNull OrganizationKind kind,
        @Nullable @Size(max = 40) @Pattern(regexp = "^$|^[A-Za-z0-9-]{2,40}$", message = "{organization.code.invalid}") String code,
        @Nullable @Size(max = 100) String name,
        @Nullable @Size(max = 40) String shortName,
        @Nullable JurisdictionLevel jurisdictionLevel,
        @Nullable TownKind townKind,
        @Nullable Long parentId,
        @Nullable SchoolStage schoolStage,
        @Nullable Boolean monitoringSchool,
        @Nullable @Size(max = 200) String address,
        @Nullable @Size(max = 40) @Pattern(regexp = "^$|^[0-9+() -]{5,40}$", message = "{organization.phone.invalid}") String contactPhone) {

    /** An empty form for a new organisation of the given kind. */
    public static OrganizationCommand blank(OrganizationKind kind) {
        return new OrganizationCommand(kind, null, null, null, null, null, null, null, null, null, null);
    }
}
