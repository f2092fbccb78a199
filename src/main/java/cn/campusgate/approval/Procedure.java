package cn.campusgate.approval;

import java.time.Instant;
import java.util.List;

import cn.campusgate.item.ItemRoute;
import org.jspecify.annotations.Nullable;

/** One revision of a route's procedure. Revisions are never changed; an edit makes the next one. */
public record Procedure(long id, ItemRoute route, int revision, List<StepDefinition> steps, @Nullable String note,
                        boolean active, String createdBy, Instant createdAt) {

    public Procedure {
        steps = List.copyOf(steps);
    }

    public StepDefinition step(int number) {
        return steps.get(number);
    }

    public boolean isLast(int number) {
        return number == steps.size() - 1;
    }
}
