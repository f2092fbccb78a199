package cn.campusgate.core;

import java.util.List;

/** Implemented by each module that can give an actor work to do. */
public interface HomeTaskContributor {
    List<HomeTask> tasksFor(Actor actor);
}
