package cn.campusgate.committee;

import org.jspecify.annotations.Nullable;

/**
 * What conflict checks and expertise matching read of an item.
 *
 * @param coOrganisers the item's 协办单位 as the department wrote them
 * @param text         title, theme, content, form and place, for expertise and declared ties
 */
public record ItemFacts(long itemId, long departmentId, String departmentName, @Nullable String departmentShortName,
                        @Nullable String coOrganisers, String text) {
}
