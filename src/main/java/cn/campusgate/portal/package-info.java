/**
 * Portal: the web shell every person sees — sign-in page, the home page of each role (what they have to
 * do and may do), navigation, language switch and friendly error pages. Modules contribute navigation
 * entries and home tasks through {@link cn.campusgate.core.NavigationContributor} and
 * {@link cn.campusgate.core.HomeTaskContributor}; the portal knows none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal 门户")
@org.jspecify.annotations.NullMarked
package cn.campusgate.portal;
