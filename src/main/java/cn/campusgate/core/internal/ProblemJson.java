package cn.campusgate.core.internal;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper for problem details written outside Spring MVC's message converters (filters, resolvers that run
 * before a controller): with Spring's mix-in, so an unset {@code type}, {@code instance} or {@code properties}
 * is left out instead of written as {@code null}, and the properties sit at the top level as RFC 9457 wants,
 * exactly as the converters write the problems of {@code ApiProblemAdvice}.
 */
final class ProblemJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemJson() {
    }
}
