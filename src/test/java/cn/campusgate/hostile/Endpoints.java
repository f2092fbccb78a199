package cn.campusgate.hostile;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own writing endpoints (POST, PUT, PATCH, DELETE handler methods), read from Spring MVC's handler
 * mapping, with the fields each one binds: the components of its command record ({@code @ModelAttribute} or a
 * record argument), its request parameters, the components of its JSON body, and its path variables.
 */
final class Endpoints {

    enum Where { FORM, QUERY, JSON }

    record Field(String name, Class<?> type, Type generic, Where where) {

        boolean textual() {
            return type == String.class || type == Object.class;
        }
    }

    record PathVariableSpec(String name, Class<?> type) {
    }

    record Endpoint(String method, String pattern, HandlerMethod handler, List<Field> fields,
                    List<PathVariableSpec> pathVariables, Class<?> bodyType, boolean multipart) {

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean json() {
            return bodyType != null;
        }

        boolean open() {
            return pattern.startsWith("/public") || pattern.startsWith("/api/v1/public/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> writing(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.campusgate")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    endpoints.add(describe(method.name(), pattern, handler,
                            info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    /** The application's own reading endpoints (GET handler methods): pages, downloads and the API's reads. */
    static List<Endpoint> reading(RequestMappingHandlerMapping mapping) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.campusgate")
                    || !entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                endpoints.add(describe("GET", pattern, handler, false));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern));
        return endpoints;
    }

    private static Endpoint describe(String method, String pattern, HandlerMethod handler, boolean multipart) {
        boolean api = pattern.startsWith("/api/");
        List<Field> fields = new ArrayList<>();
        List<PathVariableSpec> variables = new ArrayList<>();
        Class<?> body = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (path != null) {
                variables.add(new PathVariableSpec(name(path.name(), path.value(), parameter), type));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = type;
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        fields.add(new Field(component.getName(), component.getType(), component.getGenericType(), Where.JSON));
                    }
                }
            } else if (param != null) {
                if (MultipartFile.class.isAssignableFrom(type)) {
                    multipart = true;
                } else if (!Map.class.isAssignableFrom(type)) {
                    fields.add(new Field(name(param.name(), param.value(), parameter), type,
                            parameter.getGenericParameterType(), api ? Where.QUERY : Where.FORM));
                }
            } else if (type.isRecord() && (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || type.getPackageName().startsWith("cn.campusgate"))) {
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(new Field(component.getName(), component.getType(), component.getGenericType(),
                            api ? Where.QUERY : Where.FORM));
                }
            }
        }
        return new Endpoint(method, pattern, handler, fields, variables, body, multipart);
    }

    private static String name(String name, String value, MethodParameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        if (!value.isEmpty()) {
            return value;
        }
        return parameter.getParameterName();
    }

    /** A plausible value of a field's type as a form parameter. */
    static String plausible(Field field) {
        return plausible(field.type(), field.generic(), field.name());
    }

    static String plausible(Class<?> type, Type generic, String name) {
        if (type == String.class) {
            return name.toLowerCase().contains("date") ? LocalDate.now().plusDays(40).toString() : "消防安全教育进校园";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "1";
        }
        if (type == LocalDate.class) {
            return LocalDate.now().plusDays(40).toString();
        }
        if (type == LocalTime.class) {
            return "09:00";
        }
        if (type == LocalDateTime.class) {
            return LocalDate.now().plusDays(40) + "T09:00";
        }
        if (type == YearMonth.class) {
            return YearMonth.now().toString();
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return plausible(element, element, name);
        }
        return "1";
    }

    /** A plausible JSON value of a type (records as objects, one level of nesting deep enough for the API). */
    static Object plausibleJson(Class<?> type, Type generic, String name, int depth) {
        if (type.isRecord() && depth < 4) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                object.put(component.getName(),
                        plausibleJson(component.getType(), component.getGenericType(), component.getName(), depth + 1));
            }
            return object;
        }
        if (Collection.class.isAssignableFrom(type)) {
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return List.of(plausibleJson(element, element, name, depth + 1));
            }
            return List.of();
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return 1;
        }
        if (Optional.class.isAssignableFrom(type) || Temporal.class.isAssignableFrom(type) || type == YearMonth.class
                || type.isEnum() || type == String.class || BeanUtils.isSimpleValueType(type)) {
            return plausible(type, generic, name);
        }
        return Map.of();
    }
}
