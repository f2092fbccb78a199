package cn.campusgate.item;

/** How an item reaches pupils. */
public enum DeliveryMode {
    /** 部门进校开展. */
    ON_CAMPUS,
    /** 提供资源包，学校结合实际自主开展. */
    RESOURCE_PACK
}
