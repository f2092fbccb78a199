package cn.campusgate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java text block drops the trailing spaces of its lines, so an SQL fragment closed as {@code ... AND """} and
 * followed by more SQL joins the keyword to the next word ({@code ANDt.organization_id}): the 500 of the
 * organisation's inbox tab. No text block of the application may end its last line with an SQL keyword or a comma
 * unless an escaped space ({@code \s}) keeps it apart.
 */
class TextBlockSqlTests {

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"[ \\t]*\\R(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern KEYWORD_AT_END = Pattern.compile(
            "(?i)(\\b(AND|OR|NOT|WHERE|FROM|JOIN|ON|SET|BY|SELECT|VALUES|IN|HAVING|UNION|THEN|ELSE|WHEN|AS)|,)$");

    @Test
    void noTextBlockEndsItsSqlWithAKeywordWhoseSpaceItLoses() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher block = TEXT_BLOCK.matcher(source);
                while (block.find()) {
                    String[] lines = block.group(1).split("\\R", -1);
                    String last = lines[lines.length - 1];
                    if (KEYWORD_AT_END.matcher(last.stripTrailing()).find()) {
                        int line = (int) source.substring(0, block.end()).chars().filter(c -> c == '\n').count() + 1;
                        offenders.add(file + ":" + line + ": …" + last.strip());
                    }
                }
            }
        }
        assertThat(offenders).as("text blocks whose last SQL word loses its trailing space").isEmpty();
    }

    @Test
    void theCheckSeesTheInboxMistake() {
        String block = "\"\"\"\n    SELECT 1 FROM t\n    WHERE t.status = 'OPEN' AND \"\"\";";
        Matcher matcher = TEXT_BLOCK.matcher(block);
        assertThat(matcher.find()).isTrue();
        String[] lines = matcher.group(1).split("\\R", -1);
        assertThat(KEYWORD_AT_END.matcher(lines[lines.length - 1].stripTrailing()).find()).isTrue();
        assertThat(KEYWORD_AT_END.matcher("WHERE t.status = 'OPEN' AND \\s".stripTrailing()).find()).isFalse();
    }
}
