package cn.campusgate.organization;

import java.time.Instant;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation. Owns the rules of its kind: a school has a stage and sits in a town; a town sits in
 * a district, a district in a city; every other body sits in a district or city. Deactivated
 * organisations keep their history and cannot be used for new work.
 */
@Table("organization")
public final class Organization {

    private static final java.util.regex.Pattern SCHOOL_CODE = java.util.regex.Pattern.compile("\\d{10}");

    private @Id @Nullable Long id;
    private @Version int version;
    private String code;
    private String name;
    private @Nullable String shortName;
    private final OrganizationKind kind;
    private @Nullable JurisdictionLevel jurisdictionLevel;
    private @Nullable TownKind townKind;
    private @Nullable Long parentId;
    private @Nullable SchoolStage schoolStage;
    private boolean monitoringSchool;
    private @Nullable String address;
    private @Nullable String contactPhone;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Organization(@Nullable Long id, int version, String code, String name, @Nullable String shortName,
                 OrganizationKind kind, @Nullable JurisdictionLevel jurisdictionLevel, @Nullable TownKind townKind,
                 @Nullable Long parentId, @Nullable SchoolStage schoolStage, boolean monitoringSchool,
                 @Nullable String address, @Nullable String contactPhone, boolean active, Instant createdAt,
                 Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.code = code;
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.jurisdictionLevel = jurisdictionLevel;
        this.townKind = townKind;
        this.parentId = parentId;
        this.schoolStage = schoolStage;
        this.monitoringSchool = monitoringSchool;
        this.address = address;
        this.contactPhone = contactPhone;
        this.active = active;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * A new, active organisation.
     *
     * @param parent        the organisation it sits under (checked against the kind)
     * @param generatedCode used when the command has no code and the kind does not require one
     */
    static Organization create(OrganizationCommand command, @Nullable Organization parent, String generatedCode,
                               Instant now) {
        Organization organization = new Organization(null, 0, generatedCode, "", null, command.kind(), null, null,
                null, null, false, null, null, true, now, now);
        organization.apply(command, parent, now);
        return organization;
    }

    /** Changes the organisation's details; its kind never changes. */
    void update(OrganizationCommand command, @Nullable Organization parent, Instant now) {
        if (command.kind() != kind) {
            throw new BusinessRuleViolation("organization.kind.immutable");
        }
        if (!active) {
            throw new BusinessRuleViolation("organization.inactive", name);
        }
        apply(command, parent, now);
    }

    void deactivate(Instant now) {
        if (!active) {
            throw new BusinessRuleViolation("organization.alreadyInactive", name);
        }
        active = false;
        updatedAt = now;
    }

    void reactivate(Instant now) {
        if (active) {
            throw new BusinessRuleViolation("organization.alreadyActive", name);
        }
        active = true;
        updatedAt = now;
    }

    private void apply(OrganizationCommand command, @Nullable Organization parent, Instant now) {
        String newName = trimmed(command.name());
        if (newName == null || newName.length() < 2) {
            throw new BusinessRuleViolation("organization.name.required");
        }
        String newCode = trimmed(command.code());
        if (kind == OrganizationKind.SCHOOL) {
            if (newCode == null || !SCHOOL_CODE.matcher(newCode).matches()) {
                throw new BusinessRuleViolation("organization.schoolCode.invalid");
            }
            if (command.schoolStage() == null) {
                throw new BusinessRuleViolation("organization.schoolStage.required");
            }
        }
        if (kind == OrganizationKind.JURISDICTION) {
            if (command.jurisdictionLevel() == null) {
                throw new BusinessRuleViolation("organization.level.required");
            }
            if (command.jurisdictionLevel() == JurisdictionLevel.TOWN && command.townKind() == null) {
                throw new BusinessRuleViolation("organization.townKind.required");
            }
        }
        checkParent(command.jurisdictionLevel(), parent);
        this.name = newName;
        if (newCode != null) {
            this.code = newCode;
        }
        this.shortName = trimmed(command.shortName());
        this.jurisdictionLevel = kind == OrganizationKind.JURISDICTION ? command.jurisdictionLevel() : null;
        this.townKind = jurisdictionLevel == JurisdictionLevel.TOWN ? command.townKind() : null;
        this.parentId = parent == null ? null : parent.id;
        this.schoolStage = kind == OrganizationKind.SCHOOL ? command.schoolStage() : null;
        this.monitoringSchool = kind == OrganizationKind.SCHOOL && Boolean.TRUE.equals(command.monitoringSchool());
        this.address = trimmed(command.address());
        this.contactPhone = trimmed(command.contactPhone());
        this.updatedAt = now;
    }

    /** Where each kind may sit: the jurisdiction tree is city → district → town, bodies hang off it. */
    private void checkParent(@Nullable JurisdictionLevel level, @Nullable Organization parent) {
        if (parent != null && !parent.active) {
            throw new BusinessRuleViolation("organization.parent.inactive", parent.name);
        }
        if (parent != null && Objects.equals(parent.id, id) && id != null) {
            throw new BusinessRuleViolation("organization.parent.invalid");
        }
        JurisdictionLevel required = switch (kind) {
            case JURISDICTION -> Objects.requireNonNull(level).parentLevel();
            case SCHOOL -> JurisdictionLevel.TOWN;
            case MUNICIPAL_LEADERSHIP_GROUP -> JurisdictionLevel.CITY;
            default -> JurisdictionLevel.DISTRICT;
        };
        if (required == null) {
            if (parent != null) {
                throw new BusinessRuleViolation("organization.parent.mustBeEmpty");
            }
            return;
        }
        if (parent == null || parent.kind != OrganizationKind.JURISDICTION || parent.jurisdictionLevel != required) {
            throw new BusinessRuleViolation("organization.parent.required." + required.name());
        }
    }

    private static @Nullable String trimmed(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public OrganizationCommand toCommand() {
        return new OrganizationCommand(kind, code, name, shortName, jurisdictionLevel, townKind, parentId,
                schoolStage, monitoringSchool, address, contactPhone);
    }

    public boolean isJurisdictionOf(JurisdictionLevel level) {
        return kind == OrganizationKind.JURISDICTION && jurisdictionLevel == level;
    }

    public long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    public int version() { return version; }
    public String code() { return code; }
    public String name() { return name; }
    public @Nullable String shortName() { return shortName; }
    public OrganizationKind kind() { return kind; }
    public @Nullable JurisdictionLevel jurisdictionLevel() { return jurisdictionLevel; }
    public @Nullable TownKind townKind() { return townKind; }
    public @Nullable Long parentId() { return parentId; }
    public @Nullable SchoolStage schoolStage() { return schoolStage; }
    public boolean monitoringSchool() { return monitoringSchool; }
    public @Nullable String address() { return address; }
    public @Nullable String contactPhone() { return contactPhone; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
