/**
 * Self-supervised (SimCLR) training pieces with the reference's object-discovery settings: the
 * two-view augmentation ({@link org.akorn.runtime.selfsupervised.SimclrAugmentation}) and the
 * NT-Xent loss on DJL ({@link org.akorn.runtime.selfsupervised.NtXentLoss}).
 */
package org.akorn.runtime.selfsupervised;
