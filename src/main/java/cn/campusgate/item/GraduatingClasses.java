package cn.campusgate.item;

/** Whether graduating classes (毕业年级) are in the target scope; the policy asks that they be spared. */
public enum GraduatingClasses {
    EXCLUDED, INCLUDED
}
