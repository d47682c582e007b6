// Package hll estimates the number of distinct items in a stream.
package hll

import "math/bits"

// Sketch is a HyperLogLog counter. The bias correction and the small-range
// estimate follow Flajolet, Fusy, Gandouet and Meunier, "HyperLogLog: the
// analysis of a near-optimal cardinality estimation algorithm", AofA 2007.
type Sketch struct {
	registers []uint8
	p         uint8
}

// Add records one hashed item.
func (s *Sketch) Add(hash uint64) {
	idx := hash >> (64 - s.p)
	rank := uint8(bits.LeadingZeros64(hash<<s.p|1<<(s.p-1))) + 1
	if rank > s.registers[idx] {
		s.registers[idx] = rank
	}
}
