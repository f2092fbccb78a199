package cn.campusgate.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reviewed table {@code security/authorization-matrix.csv}: one row per endpoint (method, pattern exactly as
 * Spring maps it), one column per role and {@code anonymous}, each cell one {@link Outcome}. Lines starting with
 * {@code #} are comments; see {@code security/README.md} for the vocabulary.
 */
record AuthorizationMatrix(Map<String, Row> rows) {

    static final String RESOURCE = "/security/authorization-matrix.csv";

    /** The columns in table order: anonymous first, then the roles of {@code cn.campusgate.core.Role}. */
    static final List<String> COLUMNS = List.of("anonymous", "APPLICANT", "EXPERT", "COMMITTEE_SECRETARY",
            "COMMISSION_REVIEWER", "DISTRICT_APPROVER", "MUNICIPAL_FILER", "SCHOOL_SENTINEL", "TOWN_OFFICE",
            "SUPERVISOR", "ADMINISTRATOR");

    enum Outcome {
        /** Past authorization: 2xx, a 3xx not to sign-in, or the handler's own 400/409/413/422 for the probe input. */
        allow,
        /** 403: the role may not use this endpoint at all. */
        deny,
        /** Not signed in: pages redirect to /login, the API answers 401. */
        login,
        /** 404: the role may use the endpoint but the fixture record is outside its organisation's scope. */
        hidden
    }

    record Row(String method, String pattern, Map<String, Outcome> cells, int line) {
        String key() {
            return method + " " + pattern;
        }
    }

    static AuthorizationMatrix load() throws IOException {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Map<String, Row> rows = new LinkedHashMap<>();
            List<String> header = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = new ArrayList<>();
                for (String f : line.split(",", -1)) {
                    fields.add(f.strip());
                }
                if (header == null) {
                    header = fields;
                    if (!header.subList(2, 2 + COLUMNS.size()).equals(COLUMNS)) {
                        throw new IllegalStateException("header must be method,pattern," + String.join(",", COLUMNS));
                    }
                    continue;
                }
                if (fields.size() < 2 + COLUMNS.size()) {
                    throw new IllegalStateException("line " + (i + 1) + ": expected " + (2 + COLUMNS.size())
                            + " cells: " + line);
                }
                Map<String, Outcome> cells = new LinkedHashMap<>();
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cells.put(COLUMNS.get(c), Outcome.valueOf(fields.get(2 + c)));
                }
                Row row = new Row(fields.get(0), fields.get(1), cells, i + 1);
                if (rows.put(row.key(), row) != null) {
                    throw new IllegalStateException("line " + (i + 1) + ": duplicate row " + row.key());
                }
            }
            return new AuthorizationMatrix(rows);
        }
    }

    Set<String> keys() {
        return rows.keySet();
    }
}
