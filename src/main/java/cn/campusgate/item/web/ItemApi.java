package cn.campusgate.item.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import cn.campusgate.item.Item;
import cn.campusgate.item.ItemContent;
import cn.campusgate.item.ItemStatus;
import cn.campusgate.item.Items;
import cn.campusgate.screening.SimilarTheme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for items: departments draft and submit; reviewers read; the chain's actions are under /api/v1/approvals. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "item", description = "社会事务事项 Social-affair items")
@PreAuthorize("isAuthenticated()")
class ItemApi {

    private final Items items;

    ItemApi(Items items) {
        this.items = items;
    }

    record ItemView(long id, int version, long departmentId, ItemStatus status, int submittedVersions,
                    @Nullable String returnReason, ItemContent content, Instant updatedAt) {
        static ItemView of(Item item) {
            return new ItemView(item.id(), item.version(), item.departmentId(), item.status(), item.submittedVersions(),
                    item.returnReason(), item.content(), item.updatedAt());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('APPLICANT', 'COMMISSION_REVIEWER')")
    @Operation(summary = "Items the caller may see: their department's, or all of the district for the commission")
    List<ItemView> list() {
        return items.visibleItems().stream().map(ItemView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item: the department's own, or one the caller reviews in the approval chain")
    ItemView get(@PathVariable long id) {
        return ItemView.of(items.get(id));
    }

    @PostMapping
    @PreAuthorize("hasRole('APPLICANT')")
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer is 201, not the inferred 200
    @Operation(summary = "Save a new draft (only the title is required until submission)")
    ResponseEntity<ItemView> draft(@Valid @RequestBody ItemContent content) {
        Item item = items.draft(content);
        return ResponseEntity.created(URI.create("/api/v1/items/" + item.id())).body(ItemView.of(item));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Save the draft of a draft or returned item; version is the one you read")
    ItemView save(@PathVariable long id, @RequestParam int version, @Valid @RequestBody ItemContent content) {
        return ItemView.of(items.saveDraft(id, version, content));
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('APPLICANT')")
    @Operation(summary = "Submit; refused (422) when incomplete or when screening refuses the item")
    ItemView submit(@PathVariable long id, @RequestParam int version) {
        return ItemView.of(items.submit(id, version));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every submitted version, oldest first")
    List<Items.Version> versions(@PathVariable long id) {
        return items.versions(id);
    }

    @GetMapping("/{id}/similar")
    @Operation(summary = "Items and whitelist entries of any department with the same or a similar theme, with scores")
    List<SimilarTheme> similar(@PathVariable long id, @RequestParam(defaultValue = "10") int limit) {
        return items.similarTo(id, Math.min(Math.max(limit, 1), 50));
    }
}
