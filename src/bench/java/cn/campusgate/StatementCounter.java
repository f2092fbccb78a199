package cn.campusgate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts what an application sends to PostgreSQL, statement by statement (the SQL text is the key) and commits,
 * by wrapping the connections of a DataSource in JDK proxies. Costs a map update per statement; used only to
 * say how many statements a unit of work takes, never while throughput is measured.
 */
public final class StatementCounter {

    private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();
    private volatile boolean counting;

    /** A DataSource whose connections count while {@link #start()} is in effect. */
    public DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? connection(connection) : result;
                });
    }

    public void start() {
        statements.clear();
        commits.reset();
        counting = true;
    }

    public void pause() {
        counting = false;
    }

    public void resume() {
        counting = true;
    }

    /** Stops counting and returns statements per SQL text, most frequent first. */
    public Map<String, Long> stop() {
        counting = false;
        Map<String, Long> sorted = new LinkedHashMap<>();
        statements.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return sorted;
    }

    public long commits() {
        return commits.sum();
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") && counting) {
                        commits.increment();
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof CallableStatement || result instanceof PreparedStatement) {
                        return statement((Statement) result, (String) args[0],
                                result instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class);
                    }
                    if (result instanceof Statement statement) {
                        return statement(statement, null, Statement.class);
                    }
                    return result;
                });
    }

    private Statement statement(Statement target, String prepared, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (counting && method.getName().startsWith("execute")) {
                String sql = prepared != null ? prepared : args != null && args.length > 0 ? (String) args[0] : "?";
                statements.computeIfAbsent(normalise(sql), key -> new LongAdder()).increment();
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static String normalise(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
