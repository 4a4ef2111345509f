// QuantCore stays dependency-free: the C maths library is the only import.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#elseif canImport(ucrt)
    @_exported import ucrt
#endif
