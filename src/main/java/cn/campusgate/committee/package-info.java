/**
 * Expert pre-review (专家前置论证, R-3): the committee's roster; for each item whose expert-opinion step
 * is open, a panel drawn fairly (every member kind, no conflicted member, balanced panel load, a recorded
 * seed so the draw can be replayed); independent reviews of necessity, relevance and educational value;
 * and the committee opinion (论证意见) that the secretary signs, which completes the approval step.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Committee 专家委员会")
@org.jspecify.annotations.NullMarked
package cn.campusgate.committee;
