package cn.campusgate.item;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

/** A department's returned items and drafts; reviewers find their work in the approval inbox. */
@Component
class ItemTasks implements HomeTaskContributor {

    private final Items items;

    ItemTasks(Items items) {
        this.items = items;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.has(Role.APPLICANT)) {
            return List.of();
        }
        Map<ItemStatus, Long> byStatus = items.visibleItems().stream()
                .collect(Collectors.groupingBy(Item::status, Collectors.counting()));
        long returned = byStatus.getOrDefault(ItemStatus.RETURNED, 0L);
        long drafts = byStatus.getOrDefault(ItemStatus.DRAFT, 0L);
        return List.of(
                new HomeTask("task.itemsReturned", List.of(returned), "/items?status=RETURNED", returned),
                new HomeTask("task.itemsDraft", List.of(drafts), "/items?status=DRAFT", drafts));
    }
}
