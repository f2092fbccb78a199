package cn.campusgate.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opinion PDF's Chinese font: found on the machine, or refused with a message that says what to install. */
class CjkFontTests {

    @Test
    void withoutAChineseFontAPdfIsRefusedWithWhatToInstall() {
        CjkFont none = new CjkFont(null, List.of("/nonexistent/NotoSansCJK-Regular.ttc"));
        assertThat(none.file()).isEmpty();
        assertThatThrownBy(none::font).isInstanceOf(BusinessRuleViolation.class)
                .satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("pdf.noFont"));
    }

    @Test
    void aConfiguredFontComesFirstAndACollectionGivesItsSimplifiedChineseFace() {
        CjkFont machine = new CjkFont(null, CjkFont.SEARCHED);
        assertThat(machine.file()).as("this machine (and CI, see .ci/run) has a Chinese font").isPresent();
        String path = machine.file().orElseThrow().toString();
        assertThat(new CjkFont(path, List.of()).file()).contains(machine.file().orElseThrow());
        assertThat(machine.font().getPostscriptFontName()).containsIgnoringCase(path.endsWith(".ttc") ? "sc" : "");
    }
}
