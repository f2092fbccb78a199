package cn.campusgate.organization;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, Long> {

    Optional<Organization> findByCode(String code);

    /** Organisations of any kind, active or not, holding one of these codes. */
    List<Organization> findByCodeIn(Collection<String> codes);

    /** Which of these names active organisations of the kind already carry. */
    @Query("SELECT name FROM organization WHERE kind = :kind AND active AND name IN (:names)")
    List<String> activeNamesAmong(String kind, Collection<String> names);

    List<Organization> findByKindOrderByNameAsc(OrganizationKind kind);

    /** The organisation and everything that sits below it, at any depth. */
    @Query("""
            WITH RECURSIVE below(id) AS (
                SELECT id FROM organization WHERE id = :rootId
                UNION ALL
                SELECT o.id FROM organization o JOIN below b ON o.parent_id = b.id)
            SELECT id FROM below""")
    List<Long> subtreeIds(long rootId);

    @Query("SELECT count(*) FROM organization WHERE parent_id = :parentId AND active")
    long countActiveChildren(long parentId);

    @Query("SELECT nextval('organization_code_seq')")
    long nextCodeNumber();
}
