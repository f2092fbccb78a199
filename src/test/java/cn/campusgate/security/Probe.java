package cn.campusgate.security;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import cn.campusgate.security.AuthorizationMatrix.Outcome;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Builds the probe request for an endpoint and reads its answer as one outcome of the matrix's vocabulary. */
final class Probe {

    private Probe() {
    }

    /**
     * A minimal request: writes carry the CSRF token and an empty JSON object or an empty multipart body where
     * the handler consumes one; {@code ANY} is probed with GET.
     */
    static AbstractMockHttpServletRequestBuilder<?> request(Endpoints.Endpoint endpoint, String path,
                                                          Fixtures fixtures, @Nullable RequestPostProcessor who) {
        String method = endpoint.method().equals("ANY") ? "GET" : endpoint.method();
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.consumes().stream().anyMatch(t -> t.startsWith("multipart/"))) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(method), path);
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (part != null) {
                    String name = part.name().isEmpty() ? parameter.getParameterName() : part.name();
                    multipart.file(new MockMultipartFile(name, "probe.png", "image/png", Fixtures.png()));
                }
            }
            request = multipart;
        } else {
            MockHttpServletRequestBuilder plain = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
            request = plain;
            if (endpoint.consumes().stream().anyMatch(t -> t.contains("json"))
                    || (path.startsWith("/api/") && Endpoints.isWrite(method))) {
                request.contentType(MediaType.APPLICATION_JSON).content(jsonBody(endpoint, fixtures));
            }
        }
        requiredParameters(endpoint, fixtures).forEach(request::param);
        if (endpoint.pattern().equals("/error")) {
            // As the container forwards a failed request; asked directly, Boot's error controller answers 500.
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400);
        }
        if (Endpoints.isWrite(method)) {
            request.with(csrf());
        }
        if (who != null) {
            request.with(who);
        }
        return request;
    }

    /**
     * Spring resolves a handler's arguments before the method's {@code @PreAuthorize} runs, so a request without
     * a required parameter would answer 400 before authorization is asked. The probe therefore sends every
     * required request parameter, and every primitive component of a form record, with a plausible value (the
     * fixture of that name where there is one): the answer then shows the authorization decision.
     */
    static Map<String, String> requiredParameters(Endpoints.Endpoint endpoint, Fixtures fixtures) {
        Map<String, String> params = new LinkedHashMap<>();
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                if (param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
                    params.put(name, plausible(name, parameter.getParameterType(), fixtures));
                } else if (name.equals("code")) {
                    params.put(name, fixtures.value("receiptCode")); // the complaint to follow
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) && parameter.getParameterType().isRecord()) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    if (component.getType().isPrimitive()) {
                        params.put(component.getName(), plausible(component.getName(), component.getType(), fixtures));
                    }
                }
            }
        }
        return params;
    }

    /**
     * An object with every primitive, number and enum component of the body record: a missing primitive fails
     * before authorization, and a handler that checks a required choice before the service would answer 422 to
     * everybody, hiding whether the service lets the role act.
     */
    private static String jsonBody(Endpoints.Endpoint endpoint, Fixtures fixtures) {
        StringBuilder json = new StringBuilder("{");
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    Class<?> type = component.getType();
                    if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type.isEnum()) {
                        String value = plausible(component.getName(), type, fixtures);
                        json.append(json.length() > 1 ? "," : "").append('"').append(component.getName()).append("\":")
                                .append(type.isEnum() ? '"' + value + '"' : value);
                    }
                }
            }
        }
        return json.append('}').toString();
    }

    private static String plausible(String name, Class<?> type, Fixtures fixtures) {
        String fixture = fixtures.value(switch (name) {
            case "entry", "entryId" -> "whitelistEntry";
            case "code", "receipt" -> "receiptCode";
            default -> name;
        });
        if (fixture != null) {
            return fixture;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "1";
        }
        if (type == LocalDate.class) {
            return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        }
        if (type == YearMonth.class) {
            return fixtures.value("month");
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return "probe";
    }

    static Outcome classify(MockHttpServletResponse response) {
        return classify(response.getStatus(), response.getRedirectedUrl());
    }

    static Outcome classify(int status, @Nullable String location) {
        if (status == 401 || (status / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login.*"))) {
            return Outcome.login;
        }
        if (status == 403) {
            return Outcome.deny;
        }
        if (status == 404) {
            return Outcome.hidden;
        }
        return Outcome.allow;
    }
}
