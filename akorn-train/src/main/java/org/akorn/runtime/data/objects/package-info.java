/**
 * Multi-object images with exact ground-truth masks, for object discovery: seeded generators
 * ({@link org.akorn.runtime.data.objects.TetrominoesGenerator}, {@link
 * org.akorn.runtime.data.objects.ShapesGenerator}) and a reader for a folder of PNG images with
 * optional PNG masks ({@link org.akorn.runtime.data.objects.ImageFolder}). docs/objects.md
 * describes the data and the reference choices they follow.
 */
package org.akorn.runtime.data.objects;
