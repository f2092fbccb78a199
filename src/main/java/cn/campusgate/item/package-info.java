/**
 * Items (事项): the social affairs that departments want to bring into schools. A department drafts an
 * item against the admission standard, the screening module checks it for the three "no"s,
 * and each submission is kept as a numbered version so that reviewers and the department can see what
 * changed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Item 事项")
@org.jspecify.annotations.NullMarked
package cn.campusgate.item;
