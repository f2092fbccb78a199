package cn.campusgate.delivery.web;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import cn.campusgate.organization.Organization;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;

/**
 * The plan form's schools as an official picks them: by town (镇街, in the order of their Chinese names), within a
 * town by stage in the stage order (小学 before 初中 …), within a stage by name. A district has some 126 schools;
 * a flat list of check boxes could not be read.
 */
public record SchoolGroups(List<Town> towns) {

    /** One town's schools, by stage. */
    public record Town(String name, List<Stage> stages) {
        public int size() {
            return stages.stream().mapToInt(s -> s.schools().size()).sum();
        }
    }

    /** @param stage {@code null} for schools without a recorded stage, listed last */
    public record Stage(@Nullable SchoolStage stage, List<Organization> schools) {
    }

    static SchoolGroups of(List<Organization> schools, Function<Long, String> townOf) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        Map<String, List<Organization>> byTown = new TreeMap<>(chinese);
        for (Organization school : schools) {
            String town = school.parentId() == null ? "—" : townOf.apply(school.parentId());
            byTown.computeIfAbsent(town, t -> new ArrayList<>()).add(school);
        }
        List<Town> towns = new ArrayList<>();
        byTown.forEach((town, members) -> {
            Map<SchoolStage, List<Organization>> byStage = new LinkedHashMap<>();
            List<Organization> noStage = new ArrayList<>();
            members.stream()
                    .sorted(Comparator.comparing(Organization::schoolStage, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Organization::name, chinese))
                    .forEach(s -> {
                        if (s.schoolStage() == null) {
                            noStage.add(s);
                        } else {
                            byStage.computeIfAbsent(s.schoolStage(), k -> new ArrayList<>()).add(s);
                        }
                    });
            List<Stage> stages = new ArrayList<>();
            byStage.forEach((stage, list) -> stages.add(new Stage(stage, List.copyOf(list))));
            if (!noStage.isEmpty()) {
                stages.add(new Stage(null, List.copyOf(noStage)));
            }
            towns.add(new Town(town, List.copyOf(stages)));
        });
        return new SchoolGroups(List.copyOf(towns));
    }

    public boolean isEmpty() {
        return towns.isEmpty();
    }
}
