/**
 * Reading untrusted files and writing results safely: {@link org.akorn.runtime.io.NpzFiles}
 * reads {@code .npz}/{@code .npy} after validating every ZIP record and NumPy header against the
 * file's real size, {@link org.akorn.runtime.io.InputFiles} refuses directories and FIFOs before
 * opening them, and {@link org.akorn.runtime.io.AtomicFiles} writes through a temporary file and a
 * rename. Every rejection is a {@link org.akorn.runtime.io.BadFileException}: one line naming the
 * file and what is wrong (docs/reliability.md).
 */
package org.akorn.runtime.io;
