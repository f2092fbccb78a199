package cn.campusgate.organization;

/** Whether a town-level jurisdiction is a 镇 (town) or a 街道 (street office). */
public enum TownKind {
    TOWN, STREET
}
