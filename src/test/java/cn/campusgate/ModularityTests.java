package cn.campusgate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure is verified on every build; its documentation is generated from the code. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CampusGateApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theFoundationModulesExist() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("core", "organization", "audit", "portal");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
