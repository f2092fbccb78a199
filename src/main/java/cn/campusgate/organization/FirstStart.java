package cn.campusgate.organization;

import java.time.Clock;
import java.util.Set;

import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new installation without the demo (e.g. under {@code prod}) starts with an empty database, where nobody could
 * sign in. On that first start this creates the city and district jurisdictions and one administrator whose
 * password must be changed at the first sign-in; the administrator builds the rest (organisations, school import,
 * accounts). There is no default password: it comes from {@code CAMPUSGATE_ADMIN_PASSWORD} or is generated and
 * written once to the log. Runs after the demo seed and never touches a database that has organisations.
 */
@Component
@Order(11)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final OrganizationRepository organizations;
    private final Accounts accounts;
    private final Clock clock;
    private final Settings settings;

    record Settings(String cityCode, String cityName, String districtCode, String districtName,
                    String administrator, @Nullable String administratorPassword) {
    }

    FirstStart(OrganizationRepository organizations, Accounts accounts, Clock clock,
               @Value("${campusgate.installation.city-code:500000}") String cityCode,
               @Value("${campusgate.installation.city-name:重庆市}") String cityName,
               @Value("${campusgate.installation.district-code:500117}") String districtCode,
               @Value("${campusgate.installation.district-name:合川区}") String districtName,
               @Value("${campusgate.installation.administrator:admin}") String administrator,
               @Value("${campusgate.installation.administrator-password:}") String administratorPassword) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.clock = clock;
        this.settings = new Settings(cityCode, cityName, districtCode, districtName, administrator,
                administratorPassword.isBlank() ? null : administratorPassword);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organizations.count() > 0) {
            return;
        }
        Organization city = jurisdiction(settings.cityCode(), settings.cityName(), JurisdictionLevel.CITY, null);
        Organization district = jurisdiction(settings.districtCode(), settings.districtName(),
                JurisdictionLevel.DISTRICT, city);
        String password = settings.administratorPassword();
        if (password != null) {
            PasswordPolicy.check(settings.administrator(), password);
        }
        String initial = password != null ? password : PasswordPolicy.temporary();
        accounts.createBySystem(new AccountCommand(settings.administrator(), "系统管理员", null, null, district.id(),
                Set.of(Role.ADMINISTRATOR), null), initial, false);
        if (password != null) {
            log.warn("First start: created {} / {} and the administrator account '{}' with the password from "
                    + "CAMPUSGATE_ADMIN_PASSWORD; it must be changed at the first sign-in", settings.cityName(),
                    settings.districtName(), settings.administrator());
        } else {
            log.warn("First start: created {} / {} and the administrator account '{}' with the one-time password {} "
                    + "(shown only here; it must be changed at the first sign-in)", settings.cityName(),
                    settings.districtName(), settings.administrator(), initial);
        }
    }

    private Organization jurisdiction(String code, String name, JurisdictionLevel level, @Nullable Organization parent) {
        OrganizationCommand command = new OrganizationCommand(OrganizationKind.JURISDICTION, code, name, null, level,
                null, parent == null ? null : parent.id(), null, false, null, null);
        return organizations.save(Organization.create(command, parent, code, clock.instant()));
    }
}
