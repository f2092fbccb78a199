package cn.campusgate.core;

/** Implemented by the authenticated principal, so modules can learn who acts without knowing accounts. */
public interface ActorPrincipal {
    Actor actor();
}
