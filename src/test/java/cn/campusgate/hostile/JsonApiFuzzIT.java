package cn.campusgate.hostile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import cn.campusgate.SignedIn;
import cn.campusgate.hostile.Endpoints.Endpoint;
import cn.campusgate.hostile.Endpoints.Field;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Property-based fuzzing of every JSON endpoint of the API: documents made of the endpoint's real field names with
 * values of any type (text from the hostile corpus, numbers of any size, booleans, nulls, dates, the field's own
 * enum constants, nested arrays and objects), plus unrelated structures, are sent by a user allowed to use the
 * endpoint. Whatever the document, the answer is never a 5xx, and a refusal is a problem detail with a message in
 * Chinese. jqwik drives the generation (fixed seed, shrinking to the smallest failing document); the application
 * comes from Spring's test context cache through {@link TestContextManager}, the same one the Jupiter tests with
 * {@link HostileTest} share, as jqwik runs outside Spring's JUnit extension.
 */
@HostileTest
class JsonApiFuzzIT {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final AtomicLong CLIENTS = new AtomicLong();
    private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentHashMap<>();
    private static ApplicationContext context;
    private static List<Endpoint> endpoints;
    private static DemoIds ids;

    private final JsonMapper json = JsonMapper.builder().build();

    private static synchronized ApplicationContext context() {
        if (context == null) {
            context = new TestContextManager(JsonApiFuzzIT.class).getTestContext().getApplicationContext();
            endpoints = Endpoints.writing(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
                    .stream().filter(Endpoint::json).toList();
            ids = new DemoIds(context.getBean(JdbcClient.class));
        }
        return context;
    }

    record Fuzz(Endpoint endpoint, String body) {

        @Override
        public String toString() {
            return endpoint + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    @Property(tries = 400, seed = "20261130")
    void anyDocumentToAnyJsonEndpointIsAnsweredWithoutA5xx(@ForAll("documents") Fuzz fuzz) throws Exception {
        ApplicationContext app = context();
        Endpoint endpoint = fuzz.endpoint();
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), ids.expand(endpoint))
                .contentType(MediaType.APPLICATION_JSON).content(fuzz.body().getBytes(StandardCharsets.UTF_8))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        for (var parameter : endpoint.handler().getMethodParameters()) {
            var param = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                request.queryParam(name, Endpoints.plausible(parameter.getParameterType(), parameter.getGenericParameterType(), name));
            }
        }
        String user = HostileInputIT.user(endpoint);
        if (user != null) {
            request.with(app.getBean(SignedIn.class).as(user));
        } else {
            long n = CLIENTS.incrementAndGet();
            request.with(r -> {
                r.setRemoteAddr("172.16.%d.%d".formatted((n >> 8) & 255, n & 255));
                return r;
            });
        }
        MockHttpServletResponse response = app.getBean(MockMvc.class).perform(request).andReturn().getResponse();
        STATUSES.merge(response.getStatus(), 1, Integer::sum);
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).as(body).isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = json.readTree(body);
            assertThat(problem.path("detail").asString()).as(body).containsPattern(HAN);
        }
    }

    @AfterContainer
    static void statuses() {
        System.out.println("JSON API fuzzing, answers by status: " + new java.util.TreeMap<>(STATUSES));
    }

    @Provide
    Arbitrary<Fuzz> documents() {
        context();
        return Arbitraries.of(endpoints).flatMap(endpoint -> Arbitraries.frequencyOf(
                Tuple.of(8, object(endpoint)),
                Tuple.of(1, anyValue(3)))
                .map(document -> new Fuzz(endpoint, json.writeValueAsString(document))));
    }

    /** An object with some of the endpoint's real fields (and now and then an unknown one). */
    private Arbitrary<Object> object(Endpoint endpoint) {
        List<Field> fields = endpoint.fields();
        if (fields.isEmpty()) {
            return anyValue(3);
        }
        List<Arbitrary<Map.Entry<String, Object>>> entries = new ArrayList<>();
        for (Field field : fields) {
            entries.add(valueFor(field).injectNull(0.1).map(value -> java.util.Map.entry(field.name(), wrap(value))));
        }
        return Arbitraries.subsetOf(entries).flatMap(chosen -> net.jqwik.api.Combinators.combine(new ArrayList<>(chosen))
                .as(list -> {
                    Map<String, Object> document = new LinkedHashMap<>();
                    list.forEach(e -> document.put(e.getKey(), unwrap(e.getValue())));
                    return (Object) document;
                }));
    }

    /** Nulls travel wrapped, as Map.entry takes none. */
    private static final Object NULL = new Object();

    private static Object wrap(Object value) {
        return value == null ? NULL : value;
    }

    private static Object unwrap(Object value) {
        return value == NULL ? null : value;
    }

    private Arbitrary<Object> valueFor(Field field) {
        List<Object> typical = new ArrayList<>();
        Class<?> type = field.type();
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                typical.add(((Enum<?>) constant).name());
            }
        } else if (java.util.Collection.class.isAssignableFrom(type)
                && field.generic() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            for (Object constant : element.getEnumConstants()) {
                typical.add(List.of(((Enum<?>) constant).name()));
            }
        }
        typical.add(Endpoints.plausibleJson(type, field.generic(), field.name(), 0));
        typical.add(LocalDate.now().plusDays(30).toString());
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(typical)),
                Tuple.of(3, corpus()),
                Tuple.of(4, anyValue(2)));
    }

    private static Arbitrary<Object> corpus() {
        return Arbitraries.of(HostileCorpus.all().stream().map(HostileCorpus.Value::text)
                .filter(text -> text.length() < 20_000).map(text -> (Object) text).toList());
    }

    private static Arbitrary<Object> anyValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.strings().withCharRange('一', '龥').ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                        .map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                corpus());
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, leaf),
                Tuple.of(1, anyValue(depth - 1).injectNull(0.1).list().ofMaxSize(4).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8),
                        anyValue(depth - 1)).ofMaxSize(4).map(m -> (Object) m)));
    }
}
