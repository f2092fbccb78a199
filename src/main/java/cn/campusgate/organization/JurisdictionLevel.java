package cn.campusgate.organization;

import org.jspecify.annotations.Nullable;

/** 行政层级. Each level sits directly under the one before it. */
public enum JurisdictionLevel {
    CITY, DISTRICT, TOWN;

    /** The level a jurisdiction of this level must sit under, or null for the top. */
    public @Nullable JurisdictionLevel parentLevel() {
        return switch (this) {
            case CITY -> null;
            case DISTRICT -> CITY;
            case TOWN -> DISTRICT;
        };
    }
}
