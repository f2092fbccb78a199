package cn.campusgate.core;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** PostgreSQL text arrays to and from Java lists, for repositories that bind them with {@code CAST(:x AS text[])}. */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** An array literal with every value quoted, so commas, braces and quotes in values are safe. */
    public static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    public static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
