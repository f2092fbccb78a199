package cn.campusgate.core;

import java.util.List;

/**
 * Something the actor has to do now, shown on their home page.
 *
 * @param titleKey message key, formatted with {@code arguments}
 * @param path     where the work is done
 * @param count    how many are waiting
 */
public record HomeTask(String titleKey, List<Object> arguments, String path, long count) {
    public HomeTask {
        arguments = List.copyOf(arguments);
    }
}
