package cn.campusgate.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What supervision asks the organisation directory: schools and the bodies a complaint may concern
 * (departments and towns/streets), the district a school belongs to, and who is notified there.
 */
@Component
class Bodies {

    private final Organizations organizations;

    Bodies(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Active schools grouped by their town or street, towns in the district's order. */
    Map<String, List<Organization>> schoolsByTown() {
        Map<Long, List<Organization>> byParent = new LinkedHashMap<>();
        organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(Organization::active)
                .forEach(s -> byParent.computeIfAbsent(s.parentId() == null ? 0L : s.parentId(), k -> new ArrayList<>()).add(s));
        Map<String, List<Organization>> grouped = new LinkedHashMap<>();
        for (Organization town : organizations.towns()) {
            List<Organization> schools = byParent.remove(town.id());
            if (schools != null) {
                grouped.put(town.name(), schools);
            }
        }
        byParent.values().forEach(rest -> grouped.computeIfAbsent("—", k -> new ArrayList<>()).addAll(rest));
        return grouped;
    }

    List<Organization> departments() {
        return organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(Organization::active)
                .sorted(Comparator.comparing(Organization::id)).toList();
    }

    List<Organization> towns() {
        return organizations.towns();
    }

    Organization school(long id) {
        return organizations.find(id).filter(o -> o.kind() == OrganizationKind.SCHOOL && o.active())
                .orElseThrow(() -> new InvalidComplaint(List.of(new ComplaintCommand.FieldProblem("schoolId",
                        "supervision.complaint.school.unknown", List.of()))));
    }

    /** A department or a town/street of the school's district. */
    Organization body(long id, long districtId) {
        return organizations.find(id).filter(Organization::active).filter(this::isBody)
                .filter(o -> districtOf(o) == districtId)
                .orElseThrow(() -> new InvalidComplaint(List.of(new ComplaintCommand.FieldProblem("targetId",
                        "supervision.complaint.target.unknown", List.of()))));
    }

    boolean isBody(Organization o) {
        return o.kind() == OrganizationKind.DEPARTMENT
                || (o.kind() == OrganizationKind.JURISDICTION && o.jurisdictionLevel() == JurisdictionLevel.TOWN);
    }

    /** The district above (or at) an organisation. */
    long districtOf(Organization organization) {
        Organization at = organization;
        while (true) {
            if (at.kind() == OrganizationKind.JURISDICTION && at.jurisdictionLevel() == JurisdictionLevel.DISTRICT) {
                return at.id();
            }
            Long parent = at.parentId();
            if (parent == null) {
                throw new BusinessRuleViolation("supervision.noDistrict");
            }
            at = organizations.get(parent);
        }
    }

    Organization get(long id) {
        return organizations.get(id);
    }

    /** A school or body by its code or its full (or short) name, for the public API. */
    Optional<Organization> byCodeOrName(@Nullable String codeOrName, boolean school) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String needle = codeOrName.strip();
        Optional<Organization> byCode = organizations.findByCode(needle)
                .filter(o -> school ? o.kind() == OrganizationKind.SCHOOL : isBody(o));
        if (byCode.isPresent()) {
            return byCode;
        }
        List<Organization> candidates = school ? organizations.ofKind(OrganizationKind.SCHOOL)
                : java.util.stream.Stream.concat(departments().stream(), towns().stream()).toList();
        return candidates.stream().filter(Organization::active)
                .filter(o -> o.name().equals(needle) || needle.equals(o.shortName())).findFirst();
    }

    /** The jurisdictions whose cases the actor may see: their district (or the whole subtree they stand in). */
    Set<Long> scopeOf(Actor actor) {
        return organizations.scopeOf(actor);
    }

    /** Organisations of a kind directly in the district (supervision office, commission, leadership group). */
    List<Organization> inDistrict(OrganizationKind kind, long districtId) {
        return organizations.ofKind(kind).stream().filter(Organization::active)
                .filter(o -> o.parentId() != null && o.parentId() == districtId).toList();
    }
}
