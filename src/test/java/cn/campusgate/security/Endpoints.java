package cn.campusgate.security;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The application's real HTTP endpoints: every pattern × method of every handler method in every request-mapping
 * handler mapping (the controllers, springdoc's document, Boot's error controller and the exposed actuator
 * endpoints). A mapping without a method condition answers every method; it is listed once as {@code ANY}.
 */
record Endpoints(List<Endpoint> all) {

    record Endpoint(String method, String pattern, HandlerMethod handler, Set<String> consumes) {
        String key() {
            return method + " " + pattern;
        }

        /** The effective {@code @PreAuthorize} expression: the method's own, else its class's, else null. */
        String preAuthorize() {
            Method m = handler.getMethod();
            PreAuthorize own = AnnotatedElementUtils.findMergedAnnotation(m, PreAuthorize.class);
            if (own != null) {
                return own.value();
            }
            PreAuthorize type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            return type == null ? null : type.value();
        }
    }

    static Endpoints of(ApplicationContext context) {
        List<Endpoint> found = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("ANY");
                }
                Set<String> consumes = new TreeSet<>();
                info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
                for (String pattern : patterns(info)) {
                    for (String method : methods) {
                        found.add(new Endpoint(method, pattern, handler, consumes));
                    }
                }
            });
        }
        // One row per method and pattern: Boot's error controller maps /error twice (HTML and JSON).
        Map<String, Endpoint> unique = new LinkedHashMap<>();
        found.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        found.forEach(e -> unique.putIfAbsent(e.key(), e));
        return new Endpoints(List.copyOf(unique.values()));
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    static boolean isWrite(String method) {
        return !method.equals(RequestMethod.GET.name()) && !method.equals("ANY") && !method.equals("HEAD");
    }
}
