package cn.campusgate.supervision;

import org.jspecify.annotations.Nullable;

/** Who complained, as they chose to say: read only by supervisors, each reading audited. */
public record ComplainantIdentity(@Nullable String name, @Nullable String contact) {

    @Override
    public String toString() {
        return "ComplainantIdentity[sealed]";
    }
}
