// factx/version.h: the one place the library's version is written (CMake reads
// it).
//
//   std::printf("factx %s\n", FACTX_VERSION_STRING);
#ifndef FACTX_VERSION_H_
#define FACTX_VERSION_H_

#define FACTX_VERSION_MAJOR 0
#define FACTX_VERSION_MINOR 1
#define FACTX_VERSION_PATCH 0
#define FACTX_VERSION_STRING "0.1.0"

#endif  // FACTX_VERSION_H_
