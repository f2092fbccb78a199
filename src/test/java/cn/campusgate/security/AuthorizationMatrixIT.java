package cn.campusgate.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.campusgate.SignedIn;
import cn.campusgate.organization.AccessTokens;
import cn.campusgate.security.AuthorizationMatrix.Outcome;
import cn.campusgate.supervision.Complaints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix ({@code security/authorization-matrix.csv}) against the real application: the table
 * names exactly the endpoints Spring maps, and every role (and anonymous) gets the table's answer from every one
 * of them, with path variables pointing at real demo records ({@link Fixtures}). No answer anywhere is a 5xx.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired SignedIn signedIn;
    @Autowired JdbcClient jdbc;
    @Autowired Complaints complaints;
    @Autowired AccessTokens tokens;

    Sweep sweep;
    Fixtures fixtures;

    @BeforeAll
    void sweep() throws Exception {
        sweep = Sweep.of(context, mvc, signedIn, jdbc, complaints, tokens);
        fixtures = sweep.fixtures;
    }

    @Test
    void everyEndpointHasExactlyOneRowAndEveryRowAnEndpoint() throws Exception {
        Endpoints endpoints = Endpoints.of(context);
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        List<Endpoints.Endpoint> missing = endpoints.all().stream().filter(e -> !matrix.keys().contains(e.key())).toList();
        Set<String> real = new TreeSet<>();
        endpoints.all().forEach(e -> real.add(e.key()));
        Set<String> gone = new TreeSet<>(matrix.keys());
        gone.removeAll(real);
        String draft = System.getProperty("security.matrix.draft");
        if (draft != null && !missing.isEmpty()) {
            MatrixDraft.write(Path.of(draft), missing);
        }
        assertThat(missing).as("endpoints without a row in %s (add one per endpoint; see security/README.md)",
                AuthorizationMatrix.RESOURCE).extracting(Endpoints.Endpoint::key).isEmpty();
        assertThat(gone).as("rows of %s naming no endpoint", AuthorizationMatrix.RESOURCE).isEmpty();
    }

    @Test
    void everyRoleGetsTheTablesAnswerFromEveryEndpoint() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.load();
        List<Endpoints.Endpoint> endpoints = new ArrayList<>(Endpoints.of(context).all().stream()
                .filter(e -> matrix.keys().contains(e.key())).toList());
        // Reads first, so that a write that changes a fixture record cannot change what a read answers.
        endpoints.sort((a, b) -> Boolean.compare(Endpoints.isWrite(a.method()), Endpoints.isWrite(b.method())));
        List<String> wrong = new ArrayList<>();
        List<String> actualRows = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : endpoints) {
            AuthorizationMatrix.Row row = matrix.rows().get(endpoint.key());
            StringBuilder actualRow = new StringBuilder(endpoint.method()).append(',').append(endpoint.pattern());
            for (String column : AuthorizationMatrix.COLUMNS) {
                Sweep.Answer answer = answer(endpoint, column);
                int status = answer.status();
                if (status >= 500) {
                    wrong.add("%s as %s: %d %s (never a 5xx)".formatted(endpoint.key(), column, status,
                            answer.failure() == null ? "" : answer.failure()));
                }
                Outcome actual = answer.outcome();
                actualRow.append(',').append(actual).append(':').append(status);
                Outcome expected = row.cells().get(column);
                if (actual != expected) {
                    wrong.add("%s as %s: expected %s, got %s (%d %s)".formatted(endpoint.key(), column, expected,
                            actual, status, answer.redirect() == null ? "" : "→ " + answer.redirect()));
                }
            }
            actualRows.add(actualRow.toString());
        }
        if (System.getProperty("security.matrix.actual") != null) {
            java.nio.file.Files.write(Path.of(System.getProperty("security.matrix.actual") + ".wrong"), wrong);
            java.nio.file.Files.write(Path.of(System.getProperty("security.matrix.actual")), actualRows);
        }
        assertThat(wrong).as("answers that differ from %s", AuthorizationMatrix.RESOURCE).isEmpty();
    }

    /** Reads come from the shared sweep; writes are sent here, after every read of the sweep. */
    private Sweep.Answer answer(Endpoints.Endpoint endpoint, String column) {
        if (!Endpoints.isWrite(endpoint.method())) {
            return sweep.reads.get(endpoint.key()).get(column);
        }
        try {
            MockHttpServletResponse response = mvc.perform(Probe.request(endpoint, fixtures.path(endpoint.pattern()),
                    fixtures, column.equals("anonymous") ? null : signedIn.as(fixtures.account(column))))
                    .andReturn().getResponse();
            return new Sweep.Answer(response.getStatus(), response.getRedirectedUrl(), "", null);
        } catch (Exception e) {
            // What the servlet container would turn into a 500.
            return new Sweep.Answer(500, null, "", e.toString());
        }
    }
}
