package cn.campusgate.item;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two versions of an item, field by field in the order of the form, with an
 * inline character diff of each changed text (characters, because Chinese has no spaces between words).
 */
public final class ItemDiff {

    /** A run of text in a changed field. */
    public record Segment(Kind kind, String text) {
        public enum Kind { SAME, REMOVED, ADDED }
    }

    /** One field that differs; {@code field} is the record component name, e.g. {@code content}. */
    public record FieldChange(String field, String before, String after, List<Segment> segments) {
        public FieldChange {
            segments = List.copyOf(segments);
        }
    }

    private static final char REMOVED_START = '\u0001';
    private static final char REMOVED_END = '\u0002';
    private static final char ADDED_START = '\u0003';
    private static final char ADDED_END = '\u0004';

    private ItemDiff() {
    }

    /**
     * @param display how a field value reads for people (enums and dates in their language); never null
     */
    public static List<FieldChange> between(ItemContent before, ItemContent after, Function<Object, String> display) {
        Map<String, String> old = texts(before, display);
        Map<String, String> now = texts(after, display);
        List<FieldChange> changes = new ArrayList<>();
        old.forEach((field, was) -> {
            String is = now.get(field);
            if (!was.equals(is)) {
                changes.add(new FieldChange(field, was, is, segments(was, is)));
            }
        });
        return changes;
    }

    /** The fields as the item form asks for them: the item page and the diff read in the same order. */
    static final List<String> FORM_ORDER = List.of("title", "theme", "route", "coOrganisers", "exemptNational",
            "admissionGround", "basis", "content", "form", "deliveryMode", "integrationChannel", "place", "targetStages",
            "targetGrades", "graduatingClasses", "targetSchools", "startDate", "endDate", "frequency", "classHours",
            "teacherHours", "teachersLeaveCampus", "dataDemands", "expectedEffect", "evaluationMethod");

    private static final List<RecordComponent> IN_FORM_ORDER = java.util.Arrays.stream(ItemContent.class.getRecordComponents())
            .sorted(java.util.Comparator.comparingInt(c -> FORM_ORDER.contains(c.getName())
                    ? FORM_ORDER.indexOf(c.getName()) : FORM_ORDER.size()))
            .toList();

    /** Every field of the content as people read it, in form order; empty text for an empty field. */
    public static Map<String, String> texts(ItemContent content, Function<Object, String> display) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (RecordComponent component : IN_FORM_ORDER) {
            texts.put(component.getName(), text(value(component, content), display));
        }
        return texts;
    }

    private static List<Segment> segments(String before, String after) {
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffBySplitter(line -> line.codePoints().mapToObj(Character::toString)
                        .collect(Collectors.toCollection(ArrayList::new))) // the library appends to it
                .mergeOriginalRevised(true)
                .lineNormalizer(Function.identity()) // the page escapes; the default would escape twice
                .oldTag(start -> String.valueOf(start ? REMOVED_START : REMOVED_END))
                .newTag(start -> String.valueOf(start ? ADDED_START : ADDED_END))
                .build();
        List<Segment> segments = new ArrayList<>();
        List<DiffRow> rows = generator.generateDiffRows(List.of(before.split("\n", -1)), List.of(after.split("\n", -1)));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                segments.add(new Segment(Segment.Kind.SAME, "\n"));
            }
            parse(rows.get(i).getOldLine(), segments);
        }
        return merge(segments);
    }

    private static void parse(String marked, List<Segment> into) {
        Segment.Kind kind = Segment.Kind.SAME;
        StringBuilder run = new StringBuilder();
        for (char c : marked.toCharArray()) {
            Segment.Kind next = switch (c) {
                case REMOVED_START -> Segment.Kind.REMOVED;
                case ADDED_START -> Segment.Kind.ADDED;
                case REMOVED_END, ADDED_END -> Segment.Kind.SAME;
                default -> null;
            };
            if (next == null) {
                run.append(c);
                continue;
            }
            if (!run.isEmpty()) {
                into.add(new Segment(kind, run.toString()));
                run.setLength(0);
            }
            kind = next;
        }
        if (!run.isEmpty()) {
            into.add(new Segment(kind, run.toString()));
        }
    }

    private static List<Segment> merge(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment segment : segments) {
            if (!merged.isEmpty() && merged.getLast().kind() == segment.kind()) {
                merged.set(merged.size() - 1, new Segment(segment.kind(), merged.getLast().text() + segment.text()));
            } else {
                merged.add(segment);
            }
        }
        return merged;
    }

    private static @Nullable Object value(RecordComponent component, ItemContent content) {
        try {
            return component.getAccessor().invoke(content);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static String text(@Nullable Object value, Function<Object, String> display) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            // Enums in their declared order (小学 before 初中, as the stage enum), other values by their text.
            boolean enums = values.stream().allMatch(v -> v instanceof Enum<?>);
            return (enums ? values.stream().map(v -> (Enum<?>) v).sorted(java.util.Comparator.comparingInt(Enum::ordinal))
                    .map(v -> display.apply(v)) : values.stream().map(v -> display.apply(Objects.requireNonNull(v))).sorted())
                    .collect(Collectors.joining("、"));
        }
        return display.apply(value);
    }
}
