package io.scoreline.app;
public final class Scoreline { public static void main(String[] a) { System.out.println("hi"); } }
