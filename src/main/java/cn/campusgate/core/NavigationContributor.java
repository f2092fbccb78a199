package cn.campusgate.core;

import java.util.List;

/** Implemented by each module that offers pages, so the shell shows them without knowing the module. */
public interface NavigationContributor {
    List<NavigationEntry> navigation();
}
