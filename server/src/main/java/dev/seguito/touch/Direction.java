package dev.seguito.touch;

/** Who started an interaction, seen from the team: OUTBOUND = a team member, INBOUND = the contact. */
public enum Direction { INBOUND, OUTBOUND, NONE }
