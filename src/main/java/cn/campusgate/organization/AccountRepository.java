package cn.campusgate.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

    @Query("SELECT * FROM account WHERE lower(username) = lower(:username)")
    Optional<Account> findByUsername(String username);

    List<Account> findByOrganizationIdOrderByUsernameAsc(long organizationId);

    @Query("SELECT count(*) FROM account WHERE organization_id = :organizationId AND active")
    long countActiveByOrganization(long organizationId);
}
