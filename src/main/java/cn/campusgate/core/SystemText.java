package cn.campusgate.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sentence the system writes (a change-log reason, a trace opinion, a default notice), kept as a message key
 * and its arguments, so that each reader gets it in their own language from the bundles instead of the Chinese
 * sentence it was first written as. An argument is either a text as typed (a name, a document number, an
 * opinion), a date (written as the reader's language writes dates), or another message key (a status, a kind).
 * Stored as JSON: {@code {"key":"…","args":[{"text":"…"},{"date":"2026-12-07"},{"key":"…"}]}}.
 */
public record SystemText(String key, List<Arg> args) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SystemText {
        args = List.copyOf(args);
    }

    /** One argument of the sentence. */
    public sealed interface Arg {
    }

    /** Shown as it is. */
    public record Text(String value) implements Arg {
    }

    /** Shown as the reader's language writes a date (2026年12月7日, 7 Dec 2026). */
    public record Date(LocalDate value) implements Arg {
    }

    /** Another message, in the reader's language. */
    public record Key(String value) implements Arg {
    }

    /** Arguments from values: a date as a date, a {@link Key} or {@link Text} as it is, anything else as text. */
    public static SystemText of(String key, Object... args) {
        List<Arg> list = new ArrayList<>();
        for (Object arg : args) {
            list.add(switch (arg) {
                case Arg given -> given;
                case LocalDate date -> new Date(date);
                default -> new Text(String.valueOf(arg));
            });
        }
        return new SystemText(key, list);
    }

    public static Key key(String key) {
        return new Key(key);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("key", key);
        ArrayNode list = root.putArray("args");
        for (Arg arg : args) {
            ObjectNode node = list.addObject();
            switch (arg) {
                case Text t -> node.put("text", t.value());
                case Date d -> node.put("date", d.value().toString());
                case Key k -> node.put("key", k.value());
            }
        }
        return JSON.writeValueAsString(root);
    }

    /** The stored text, or {@code null} for rows written before texts were kept as keys (or unreadable). */
    public static @Nullable SystemText fromJson(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<Arg> list = new ArrayList<>();
            for (JsonNode node : root.path("args")) {
                if (node.has("date")) {
                    list.add(new Date(LocalDate.parse(node.get("date").asString())));
                } else if (node.has("key")) {
                    list.add(new Key(node.get("key").asString()));
                } else {
                    list.add(new Text(node.path("text").asString()));
                }
            }
            return new SystemText(root.get("key").asString(), list);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
