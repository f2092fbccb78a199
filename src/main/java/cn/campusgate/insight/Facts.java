package cn.campusgate.insight;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.campusgate.insight.InsightRepository.Place;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes facts into the read model, placing each in its town, district and province. Where an organisation sits is
 * asked once of the organization module's public service and kept in insight's own unit table.
 */
@Service
public class Facts {

    private final InsightRepository repository;
    private final Organizations organizations;
    private final Map<Long, Place> known = new ConcurrentHashMap<>();

    Facts(InsightRepository repository, Organizations organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    /** Records the fact; false when its source was recorded already. */
    @Transactional
    public boolean record(Fact fact) {
        Place school = unit(fact.schoolId());
        Place department = unit(fact.departmentId());
        Place place = unit(fact.placeId());
        // An organisation given as the place is counted as what it is: a school, a department, or a town or district.
        if (place != null && school == null && "SCHOOL".equals(place.kind())) {
            school = place;
            fact = fact.school(place.id());
            place = null;
        } else if (place != null && department == null && "DEPARTMENT".equals(place.kind())) {
            department = place;
            fact = fact.department(place.id());
            place = null;
        }
        if (department != null && !"DEPARTMENT".equals(department.kind())) {
            // A town or district named as the body concerned (a campaign affair of a town) is a place, not a
            // department: else the town showed up in the dashboard's departments' table.
            if (place == null) {
                place = department;
            }
            department = null;
            fact = fact.department(null).place(place.id());
        }
        Long town = first(school == null ? null : school.townId(), place == null ? null : place.townId());
        Long district = first(school == null ? null : school.districtId(), place == null ? null : place.districtId(),
                department == null ? null : department.districtId());
        Long province = first(school == null ? null : school.provinceId(), place == null ? null : place.provinceId(),
                department == null ? null : department.provinceId());
        return repository.insert(fact, fact.schoolId(), fact.departmentId(), town, district, province);
    }

    /** The violation of a case is the sanctioned body's: a department, or a town. */
    @Transactional
    public void attributeViolation(long caseId, long targetId) {
        Place target = unit(targetId);
        if (target == null) {
            return;
        }
        repository.attributeViolation("violation:" + caseId, "DEPARTMENT".equals(target.kind()) ? target.id() : null,
                "TOWN".equals(target.kind()) ? Long.valueOf(target.id()) : target.townId());
    }

    @Transactional
    public void caseOpened(long caseId, long jurisdictionId, java.time.LocalDate on) {
        repository.caseOpened(caseId, jurisdictionId, on);
    }

    @Transactional
    public java.util.Optional<InsightRepository.CaseFacts> caseVerified(long caseId, String outcome) {
        repository.caseVerified(caseId, outcome);
        return repository.caseFacts(caseId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<InsightRepository.CaseFacts> caseFacts(long caseId) {
        return repository.caseFacts(caseId);
    }

    @Nullable Place unit(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        Place cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        Place place = repository.place(id).orElseGet(() -> {
            Place described = describe(id);
            repository.savePlace(described);
            return described;
        });
        known.put(id, place);
        return place;
    }

    private Place describe(long id) {
        Organization o = organizations.get(id);
        Long town = null;
        Long district = null;
        Long province = null;
        Organization at = o;
        int guard = 0;
        while (at != null && guard++ < 10) {
            if (at.isJurisdictionOf(JurisdictionLevel.TOWN)) {
                town = at.id();
            } else if (at.isJurisdictionOf(JurisdictionLevel.DISTRICT)) {
                district = at.id();
            }
            if (at.kind() == OrganizationKind.JURISDICTION) {
                province = at.id(); // the top-most jurisdiction seen last
            }
            at = at.parentId() == null ? null : organizations.get(at.parentId());
        }
        String kind = switch (o.kind()) {
            case SCHOOL -> "SCHOOL";
            case DEPARTMENT, EDUCATION_COMMISSION -> "DEPARTMENT";
            case JURISDICTION -> o.isJurisdictionOf(JurisdictionLevel.TOWN) ? "TOWN"
                    : o.isJurisdictionOf(JurisdictionLevel.DISTRICT) ? "DISTRICT" : "PROVINCE";
            default -> "OTHER";
        };
        return new Place(id, kind, o.shortName() != null && !kind.equals("SCHOOL") && !kind.equals("TOWN") ? o.name() : o.name(),
                town, district, province);
    }

    @SafeVarargs
    private static <T> @Nullable T first(@Nullable T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
