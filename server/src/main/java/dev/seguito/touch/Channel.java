package dev.seguito.touch;

/** Medium suggested for a touch; ANY when the action matters more than the medium. */
public enum Channel { EMAIL, LINKEDIN, PHONE, MEETING, ANY }
