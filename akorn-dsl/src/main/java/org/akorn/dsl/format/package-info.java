/**
 * The canonical layout of {@code .akorn} files, shared by {@code akorn fmt} and the language
 * server: {@link org.akorn.dsl.format.AkornFormatter#format(String, String)}.
 */
package org.akorn.dsl.format;
