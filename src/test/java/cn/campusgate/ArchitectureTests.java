package cn.campusgate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules the module verification does not cover. */
class ArchitectureTests {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.campusgate");

    /** Domain and application code never knows its web layer. */
    static final ArchRule DOMAIN_IGNORES_WEB = noClasses()
            .that().resideOutsideOfPackages("cn.campusgate..web..", "cn.campusgate.portal..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.campusgate..web..")
            .because("modules' web sub-packages are adapters on top of the module's API");

    /** Controllers go through a module's service, never straight to the database. */
    static final ArchRule CONTROLLERS_USE_SERVICES = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("state changes must pass the aggregate's rules and the audit trail");

    /** Web classes live in web packages (or the portal, which is all web). */
    static final ArchRule CONTROLLERS_LIVE_IN_WEB = classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().resideInAnyPackage("cn.campusgate..web..");

    /**
     * nothing measures or ranks individual teachers. No type may be named as a teacher score,
     * ranking or completion figure.
     */
    static final ArchRule NO_TEACHER_RANKING = noClasses()
            .should().haveNameMatching("(?i).*teacher.*(rank|score|completion|participation|performance).*")
            .orShould().haveNameMatching("(?i).*(rank|score|completion|participation|performance).*teacher.*")
            .because("R-7: the product holds no per-teacher completion metric and ranks no teacher");

    @Test
    void domainCodeDoesNotDependOnWebAdapters() {
        DOMAIN_IGNORES_WEB.check(PRODUCTION);
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        CONTROLLERS_USE_SERVICES.check(PRODUCTION);
    }

    @Test
    void controllersLiveInWebPackages() {
        CONTROLLERS_LIVE_IN_WEB.check(PRODUCTION);
    }

    @Test
    void nothingRanksTeachers() {
        NO_TEACHER_RANKING.check(PRODUCTION);
    }

    @Test
    void theRulesFireOnViolations() {
        JavaClasses bad = new ClassFileImporter().importClasses(Violations.SneakyController.class,
                Violations.TeacherRanking.class);
        assertThatThrownBy(() -> CONTROLLERS_USE_SERVICES.check(bad)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CONTROLLERS_LIVE_IN_WEB.check(bad)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> NO_TEACHER_RANKING.check(bad)).isInstanceOf(AssertionError.class);
    }

    /** Deliberate violations, to prove the rules are not vacuous. */
    static class Violations {
        @Controller
        static class SneakyController {
            JdbcClient jdbc;
        }

        static class TeacherRanking {
        }
    }
}
