/** File output shared by the runtime's writers: atomic replacement of a target file. */
package org.akorn.runtime.io;
